/**
 * Capitalised words that are not parts of person names on this beat: French function words that start sentences,
 * places, organisations, media, months and days. Stored accent-folded and lower-cased.
 */
import { CALENDAR_WORDS } from "./dates-fr.ts";

const WORDS = `
le la les l un une des du de d au aux en dans pour par sur selon avec sans avant apres lors depuis vers chez contre
sous entre parmi pendant durant quand lorsque si comme ainsi alors aussi enfin puis mais et ou ni car donc or ce cet
cette ces il elle ils elles on nous vous je tu son sa ses leur leurs notre nos votre vos mon ma mes tout tous toute
toutes personne bien certains certaines meme malgre concernant quant ouvrant entretien fin debut mi nouveau nouveaux
nouvelle nouvelles premier premiere deuxieme dernier derniere source photo illustration comment commentaire credit
lire voir aucun aucune chaque plusieurs quelques cela ceci voici voila oui non merci bonjour hier aujourd demain
president presidente presidents ministre ministres premier vice ambassadeur porte parole chef dirigeant gouvernement
secretaire conseil conseiller senat douma majilis parlement assemblee cour tribunal etat etats
declaration document communique traite accord accords charte programme strategie decret loi constitution
mme mlle mr dr pr monsieur madame mademoiselle
kazakh kazakhs kazakhe kazakhes russe russes seconde guerre mondiale grande premiere florilege
anniversaire visite sommet forum capital group groupe holding bank banque energy oil gas airlines invest bandar
kazakhstan russie moscou astana almaty nur sultan noursoultan kremlin federation union organisation nations unies
unis uni royaume republique chine pekin ukraine kiev kyiv europe asie afrique amerique occident orient est ouest nord
sud centre centrale bielorussie belarus minsk ouzbekistan tachkent kirghizistan bichkek tadjikistan douchanbe
turkmenistan iran armenie azerbaidjan georgie turquie inde japon france paris allemagne berlin londres washington
eurasie eurasiatique caspienne baikonour chymkent karaganda aktau atyrau oural siberie kazan sotchi saint petersbourg
haut karabakh crimee donbass maison blanche bolchoi brics otsc onu otan ue uee cei ocs osce g20
gazeta rossiiskaia rossiyskaya rossiiskaya ria novosti tass interfax kazinform tengrinews sputnik anadolu afp reuters
reuters ap bbc figaro monde liberation xinhua freepik kremlin.ru
sibur gazprom rosneft lukoil tatneft kamaz eurochem kazmunaigas samruk rosatom rosaviatsia kaztransoil cpc
affaires etrangeres etrangere interieur commission ministere administration agence presse journal site
internet telegram youtube facebook instagram twitter x
`;

export const NAME_STOPWORDS: ReadonlySet<string> = new Set([
  ...WORDS.split(/\s+/).filter((w) => w.length > 0),
  ...CALENDAR_WORDS,
]);

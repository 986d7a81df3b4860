/**
 * Default alias table for the Kazakhstan–Russia beat: canonical French spellings, common transliterations, and the
 * role each person is best known for (a fallback when an article names a role without the person).
 * Roles change over time; an article's own wording always wins over this table.
 */

/** One person of the table. */
export interface PersonSeed {
  name: string;
  aliases?: string[];
  role?: string;
  /** Country code of the role (kz, ru, us, cn, ua…). */
  nationality?: string;
}

export const DEFAULT_PEOPLE: readonly PersonSeed[] = [
  {
    name: "Kassym-Jomart Tokaïev",
    aliases: ["Kassym-Jomart Tokayev", "Kasym-Jomart Tokayev", "Qasym-Jomart Toqayev", "Tokaev"],
    role: "président du Kazakhstan",
    nationality: "kz",
  },
  {
    name: "Vladimir Poutine",
    aliases: ["Vladimir Putin", "Vladimir Vladimirovitch Poutine"],
    role: "président de la Russie",
    nationality: "ru",
  },
  { name: "Sergueï Lavrov", role: "ministre russe des Affaires étrangères", nationality: "ru" },
  { name: "Dmitri Peskov", role: "porte-parole du Kremlin", nationality: "ru" },
  { name: "Mikhaïl Michoustine", aliases: ["Mikhail Mishustin"], role: "Premier ministre russe", nationality: "ru" },
  { name: "Alexeï Overtchouk", aliases: ["Alexei Overchuk"], role: "vice-Premier ministre russe", nationality: "ru" },
  { name: "Maria Zakharova", role: "porte-parole de la diplomatie russe", nationality: "ru" },
  { name: "Iouri Ouchakov", aliases: ["Yuri Ushakov"], role: "conseiller du président russe", nationality: "ru" },
  { name: "Valentina Matvienko", aliases: ["Valentina Matviyenko"], role: "présidente du Conseil de la Fédération" },
  { name: "Viatcheslav Volodine", aliases: ["Vyacheslav Volodin"], role: "président de la Douma", nationality: "ru" },
  {
    name: "Alexander Pankin",
    aliases: ["Alexandre Pankine"],
    role: "vice-ministre russe des Affaires étrangères",
    nationality: "ru",
  },
  { name: "Alexeï Borodavkine", aliases: ["Alexei Borodavkin"], role: "ambassadeur de Russie au Kazakhstan" },
  { name: "Olzhas Bektenov", aliases: ["Oljas Bektenov"], role: "Premier ministre du Kazakhstan", nationality: "kz" },
  { name: "Alikhan Smaïlov", aliases: ["Alikhan Smailov"], role: "ancien Premier ministre du Kazakhstan" },
  {
    name: "Murat Nurtleu",
    aliases: ["Mourat Nourtleou"],
    role: "ministre kazakh des Affaires étrangères",
    nationality: "kz",
  },
  { name: "Dauren Abaev", aliases: ["Dauren Abayev"], role: "ambassadeur du Kazakhstan en Russie", nationality: "kz" },
  { name: "Roman Vassilenko", aliases: ["Roman Vasilenko"], role: "vice-ministre kazakh des Affaires étrangères" },
  { name: "Berik Uali", role: "porte-parole du président kazakh", nationality: "kz" },
  { name: "Erlan Karin", aliases: ["Yerlan Karin"], role: "conseiller d'État du Kazakhstan", nationality: "kz" },
  { name: "Maulen Ashimbayev", aliases: ["Maoulen Achimbaïev"], role: "président du Sénat kazakh", nationality: "kz" },
  { name: "Yerlan Koshanov", aliases: ["Erlan Kochanov"], role: "président du Majilis", nationality: "kz" },
  { name: "Noursoultan Nazarbaïev", aliases: ["Nursultan Nazarbayev"], role: "ancien président du Kazakhstan" },
  { name: "Volodymyr Zelensky", aliases: ["Volodymyr Zelenskyy"], role: "président de l'Ukraine", nationality: "ua" },
  { name: "Donald Trump", role: "président des États-Unis", nationality: "us" },
  { name: "Joe Biden", role: "ancien président des États-Unis", nationality: "us" },
  { name: "Xi Jinping", role: "président de la Chine", nationality: "cn" },
  { name: "Alexandre Loukachenko", aliases: ["Alexander Lukashenko"], role: "président du Bélarus" },
  { name: "Chavkat Mirzioïev", aliases: ["Shavkat Mirziyoyev"], role: "président de l'Ouzbékistan", nationality: "uz" },
  { name: "Sadyr Japarov", aliases: ["Sadyr Djaparov"], role: "président du Kirghizistan", nationality: "kg" },
  { name: "Emmanuel Macron", role: "président de la France", nationality: "fr" },
];

/**
 * Minimal typings for the parts of sax the feed reader uses (@types/sax is not installed).
 */
declare module "sax" {
  interface Tag {
    name: string;
    attributes: Record<string, string>;
    isSelfClosing: boolean;
  }
  interface SAXParser {
    line: number;
    column: number;
    ENTITIES: Record<string, string>;
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (doctype: string) => void;
    onerror: (err: Error) => void;
    write(chunk: string): SAXParser;
    close(): SAXParser;
  }
  function parser(strict: boolean, opt?: { trim?: boolean; normalize?: boolean; position?: boolean }): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}

/**
 * Strict, streaming XML reading of a feed (sax). The document comes in slices; each item or entry is built as
 * a small element tree and handed out as soon as it closes, so a 20,000-item feed never exists as one tree.
 * Elements are named by namespace, not by the prefix a feed happens to use: `<foo:creator
 * xmlns:foo="http://purl.org/dc/elements/1.1/">` is `dc:creator`, and RSS, RSS 1.0 and Atom elements go
 * without prefix. Entities declared in the DOCTYPE's internal subset are known (as literal text, never
 * expanded recursively).
 */
import sax from "sax";

export interface XmlElement {
  /** Canonical lower-case name: `title`, `dc:creator`, `content:encoded`, `xhtml:body`, or as written. */
  name: string;
  /** Local name as written (serialising inline XHTML). */
  local: string;
  /** Attributes by lower-case name as written (`rdf:about`, `ispermalink`, `type`). */
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}

/** Feed-level elements (children of the root, or of `<channel>`), filled in as the document is read. */
export interface FeedHeader {
  elements: XmlElement[];
  /** `<rss>` had a `<channel>` child (RSS 0.9x/2.0 requires one). */
  hasChannel: boolean;
}

/** A syntax error with its position. */
export class XmlSyntaxError extends Error {}

const NAMESPACES: Record<string, string> = {
  "http://www.w3.org/2005/atom": "",
  "http://purl.org/atom/ns#": "",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://backend.userland.com/rss2": "",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://www.w3.org/1999/xhtml": "xhtml",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
};
/** Elements nested deeper than this inside an item keep their text but not their own node. */
const MAX_DEPTH = 64;

/**
 * Items and entries of the document, in order, each as an element tree; `header` fills as the document is
 * read (what precedes an item is there when it is handed out). Throws XmlSyntaxError at the first error.
 */
export function* readFeedXml(slices: Iterable<string>, header: FeedHeader): Generator<XmlElement> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const ready: XmlElement[] = [];
  // one frame per open element: namespace bindings in scope and, inside an item or a header element, its node
  interface Frame {
    ns: ReadonlyMap<string, string>;
    node: XmlElement | null;
    tree: "item" | "header" | null;
    /** Element nodes from the item or header element down to this one. */
    depth: number;
    /** xml:base in scope, resolved against the enclosing ones. */
    base: string | undefined;
  }
  const stack: Frame[] = [];
  const noBindings: ReadonlyMap<string, string> = new Map();
  let failure: Error | null = null;

  parser.ondoctype = (doctype) => {
    for (const [name, value] of internalEntities(doctype)) parser.ENTITIES[name] = value;
  };
  parser.onopentag = (tag) => {
    const parent = stack[stack.length - 1];
    let ns = parent?.ns ?? noBindings;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) {
      const key = k.toLowerCase();
      attrs[key] = v;
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        ns = new Map(ns).set(key === "xmlns" ? "" : key.slice(6), v.trim().toLowerCase());
      }
    }
    const own = attrs["xml:base"];
    const base = own === undefined ? parent?.base : joinBase(own, parent?.base);
    // every element carries the base in scope, so links are resolved as feedparser resolves them
    if (base !== undefined) attrs["xml:base"] = base;
    const frame: Frame = { ns, node: null, tree: null, depth: 0, base };
    stack.push(frame);
    const colon = tag.name.indexOf(":");
    const prefix = colon < 0 ? "" : tag.name.slice(0, colon).toLowerCase();
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const uri = ns.get(prefix);
    const known = uri === undefined ? undefined : NAMESPACES[uri];
    const canon = known === undefined ? (prefix ? `${prefix}:` : "") : known ? `${known}:` : "";
    const name = `${canon}${local.toLowerCase()}`;
    const el: XmlElement = { name, local, attrs, children: [] };
    const depth = stack.length; // 1 = root
    if (parent?.tree) {
      if (parent.depth < MAX_DEPTH) {
        parent.node?.children.push(el);
        frame.node = el;
        frame.depth = parent.depth + 1;
      } else {
        frame.node = parent.node;
        frame.depth = parent.depth;
      }
      frame.tree = parent.tree;
      return;
    }
    if (depth > 1 && (name === "item" || name === "entry")) {
      frame.node = el;
      frame.tree = "item";
      frame.depth = 1;
      return;
    }
    if (depth === 2 && name === "channel") {
      header.hasChannel = true;
      return;
    }
    // depth 2: a child of the root; depth 3 outside any tree: a child of <channel>
    if (depth === 2 || depth === 3) {
      frame.node = el;
      frame.tree = "header";
      frame.depth = 1;
      header.elements.push(el);
    }
  };
  parser.onclosetag = () => {
    const frame = stack.pop();
    if (frame?.tree === "item" && frame.node && !stack[stack.length - 1]?.tree) ready.push(frame.node);
  };
  const onText = (text: string) => {
    const node = stack[stack.length - 1]?.node;
    if (!node) return;
    const last = node.children[node.children.length - 1];
    if (typeof last === "string") node.children[node.children.length - 1] = last + text;
    else node.children.push(text);
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onerror = (err) => {
    const what = err.message.split("\n")[0] ?? "XML error";
    failure ??= new XmlSyntaxError(`${what} at line ${parser.line + 1}, column ${parser.column + 1}`);
  };

  for (const slice of slices) {
    parser.write(slice);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  yield* ready.splice(0);
}

function joinBase(base: string, parent: string | undefined): string {
  try {
    return new URL(base, parent).href;
  } catch {
    return base;
  }
}

/** `<!ENTITY name "value">` declarations of a DOCTYPE's internal subset (values kept literal, capped). */
export function internalEntities(doctype: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const re = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  for (let m = re.exec(doctype); m && out.length < 200; m = re.exec(doctype)) {
    const value = (m[2] ?? m[3] ?? "").replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (_w, hex: string, dec: string) => {
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    });
    if (value.length <= 1_000) out.push([m[1] as string, value]);
  }
  return out;
}

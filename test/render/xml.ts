// A tiny strict XML parser for tests of the SVG renderers: it accepts only
// well-formed XML 1.0 of the kind the renderers emit (elements, attributes in
// single or double quotes, text, the five predefined entities and numeric
// character references) and throws on anything else: an unclosed or
// mismatched tag, a duplicate attribute, a raw '<' or '&' in text or in an
// attribute value, more than one root element, an unknown entity.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated decoded text directly inside this element. */
  readonly text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw '<' in text or attribute near ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, body: string | undefined) => {
    if (body === undefined) throw new Error(`bare '&' near ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1]!, body.startsWith('#x') ? 16 : 10));
    throw new Error(`unknown entity ${m} near ${where}`);
  });
}

/** Parses a document with exactly one root element (an optional XML declaration first). */
export function parseXml(src: string): XmlElement {
  let pos = 0;
  const skipSpace = (): void => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const name = (): string => {
    const m = NAME.exec(src.slice(pos));
    if (!m) throw new Error(`expected a name at ${pos}`);
    pos += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    if (src[pos] !== '<') throw new Error(`expected '<' at ${pos}`);
    pos++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attrs, children: [], text: '' };
      }
      if (src[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) throw new Error(`expected whitespace before an attribute at ${pos}`);
      const key = name();
      if (key in attrs) throw new Error(`duplicate attribute ${key} at ${pos}`);
      skipSpace();
      if (src[pos] !== '=') throw new Error(`expected '=' at ${pos}`);
      pos++;
      skipSpace();
      const q = src[pos];
      if (q !== '"' && q !== "'") throw new Error(`expected a quote at ${pos}`);
      const end = src.indexOf(q, pos + 1);
      if (end < 0) throw new Error(`unterminated attribute at ${pos}`);
      attrs[key] = decode(src.slice(pos + 1, end), pos);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= src.length) throw new Error(`unclosed <${tag}>`);
      if (src.startsWith('</', pos)) {
        pos += 2;
        const close = name();
        if (close !== tag) throw new Error(`</${close}> closes <${tag}> at ${pos}`);
        skipSpace();
        if (src[pos] !== '>') throw new Error(`expected '>' at ${pos}`);
        pos++;
        return { name: tag, attrs, children, text };
      }
      if (src[pos] === '<') {
        children.push(element());
        continue;
      }
      const next = src.indexOf('<', pos);
      const end = next < 0 ? src.length : next;
      text += decode(src.slice(pos, end), pos);
      pos = end;
    }
  };
  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    pos = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== src.length) throw new Error(`content after the root element at ${pos}`);
  return root;
}

/** Every element in document order (depth first). */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) out.push(...allElements(c));
  return out;
}

/** Elements with a class token. */
export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return allElements(root).filter((e) => (e.attrs.class ?? '').split(/\s+/).includes(cls));
}

/** A numeric attribute (throws when absent or not a number). */
export function numAttr(e: XmlElement, key: string): number {
  const v = e.attrs[key];
  if (v === undefined || v.trim() === '' || !Number.isFinite(Number(v))) throw new Error(`<${e.name}> has no numeric ${key}: ${String(v)}`);
  return Number(v);
}

/** A small well-formedness check for the generated XML (tags balanced, one root, declaration first). */
export function checkXml(xml: string): { root: string } {
  if (!xml.startsWith('<?xml ')) throw new Error('no XML declaration');
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const stack: string[] = [];
  let root = '';
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi)) {
    if (m[0] === '<' || m[0] === '&') throw new Error(`stray ${m[0]} at ${m.index}: ${body.slice(m.index!, m.index! + 60)}`);
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!selfClose) {
      if (!stack.length && root) throw new Error('two roots');
      if (!stack.length) root = name;
      stack.push(name);
    } else if (!stack.length) {
      root = name;
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('><')}>`);
  return { root };
}

export function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

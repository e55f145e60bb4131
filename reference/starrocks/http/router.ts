// A per-method path trie like StarRocks' ActionController (FE) and the BE's
// EvHttpServer: a path is looked up under the request's method only, static
// segments win over `{var}` segments, and a trailing `*` segment takes the rest.

export interface Match<H> {
  handler: H;
  params: Record<string, string>;
}

interface Node<H> {
  statics: Map<string, Node<H>>;
  param?: { name: string; node: Node<H> };
  rest?: { name: string; handler: H };
  handler?: H;
}

const newNode = <H>(): Node<H> => ({ statics: new Map() });

export class Router<H> {
  private roots = new Map<string, Node<H>>();

  add(methods: string | string[], pattern: string, handler: H): this {
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      let node = this.roots.get(method);
      if (!node) this.roots.set(method, (node = newNode()));
      const segments = split(pattern);
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!;
        const m = /^\{(\w+)\}$/.exec(seg);
        if (seg.startsWith('*')) {
          node.rest = { name: seg.slice(1) || 'rest', handler };
          node = undefined as unknown as Node<H>;
          break;
        }
        if (m) {
          node.param ??= { name: m[1]!, node: newNode() };
          node = node.param.node;
        } else {
          let next = node.statics.get(seg);
          if (!next) node.statics.set(seg, (next = newNode()));
          node = next;
        }
      }
      if (node) node.handler = handler;
    }
    return this;
  }

  match(method: string, path: string): Match<H> | undefined {
    const root = this.roots.get(method);
    if (!root) return undefined;
    return find(root, split(path), 0, {});
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function find<H>(node: Node<H>, segs: string[], i: number, params: Record<string, string>): Match<H> | undefined {
  if (i === segs.length) {
    if (node.handler) return { handler: node.handler, params };
    return node.rest ? { handler: node.rest.handler, params: { ...params, [node.rest.name]: '' } } : undefined;
  }
  const seg = segs[i]!;
  const s = node.statics.get(seg);
  if (s) {
    const r = find(s, segs, i + 1, params);
    if (r) return r;
  }
  if (node.param) {
    const r = find(node.param.node, segs, i + 1, { ...params, [node.param.name]: seg });
    if (r) return r;
  }
  if (node.rest) return { handler: node.rest.handler, params: { ...params, [node.rest.name]: segs.slice(i).join('/') } };
  return undefined;
}

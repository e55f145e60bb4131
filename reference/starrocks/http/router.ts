// A per-method path trie like StarRocks' ActionController (FE) and the BE's
// EvHttpServer: a path is looked up under the request's method only, static
// segments win over `{var}` segments, and a trailing `*` segment takes the rest.
// Variable names belong to each route: `/api/{db}/{label}/_cancel` and
// `/api/{db}/{table}/_query_plan` share the trie node but not the names.

export interface Match<H> {
  handler: H;
  params: Record<string, string>;
}

interface Route<H> {
  handler: H;
  /** The route's variable names, in path order (the rest segment's name last). */
  names: string[];
}

interface Node<H> {
  statics: Map<string, Node<H>>;
  param?: Node<H>;
  rest?: Route<H>;
  route?: Route<H>;
}

const newNode = <H>(): Node<H> => ({ statics: new Map() });

export interface RouteEntry<H> {
  method: string;
  pattern: string;
  handler: H;
}

export class Router<H> {
  private roots = new Map<string, Node<H>>();
  private entries: RouteEntry<H>[] = [];

  /** Every route in the order added: the table tests walk (each with no, wrong and too few credentials). */
  list(): readonly RouteEntry<H>[] {
    return this.entries;
  }

  add(methods: string | string[], pattern: string, handler: H): this {
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.entries.push({ method, pattern, handler });
      let node = this.roots.get(method);
      if (!node) this.roots.set(method, (node = newNode()));
      const names: string[] = [];
      let rest = false;
      for (const seg of split(pattern)) {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (seg.startsWith('*')) {
          node.rest = { handler, names: [...names, seg.slice(1) || 'rest'] };
          rest = true;
          break;
        }
        if (m) {
          names.push(m[1]!);
          node.param ??= newNode();
          node = node.param;
        } else {
          let next = node.statics.get(seg);
          if (!next) node.statics.set(seg, (next = newNode()));
          node = next;
        }
      }
      if (!rest) node.route = { handler, names };
    }
    return this;
  }

  match(method: string, path: string): Match<H> | undefined {
    const root = this.roots.get(method);
    if (!root) return undefined;
    const found = find(root, split(path), 0, []);
    if (!found) return undefined;
    const params: Record<string, string> = {};
    found.route.names.forEach((name, i) => {
      params[name] = found.values[i] ?? '';
    });
    return { handler: found.route.handler, params };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function find<H>(node: Node<H>, segs: string[], i: number, values: string[]): { route: Route<H>; values: string[] } | undefined {
  if (i === segs.length) {
    if (node.route) return { route: node.route, values };
    return node.rest ? { route: node.rest, values: [...values, ''] } : undefined;
  }
  const seg = segs[i]!;
  const s = node.statics.get(seg);
  if (s) {
    const r = find(s, segs, i + 1, values);
    if (r) return r;
  }
  if (node.param) {
    const r = find(node.param, segs, i + 1, [...values, seg]);
    if (r) return r;
  }
  if (node.rest) return { route: node.rest, values: [...values, segs.slice(i).join('/')] };
  return undefined;
}

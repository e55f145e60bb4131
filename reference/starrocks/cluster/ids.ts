// One id sequence for catalog objects (dbs, tables, partitions, indexes,
// tablets), as the FE's GlobalStateMgr hands them out, and one for txns.

export class IdGenerator {
  private current: number;
  constructor(start: number) {
    this.current = start - 1;
  }
  next(): number {
    return ++this.current;
  }
  peek(): number {
    return this.current;
  }
}

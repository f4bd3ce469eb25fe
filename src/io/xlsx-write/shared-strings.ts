import { NS_MAIN, tElement, XML_DECLARATION } from "./xml-escape";

/** The shared string table: each distinct text once, in order of first use. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  /** Cells that refer to the table (`count`), as opposed to distinct strings (`uniqueCount`). */
  private refs = 0;

  id(text: string): number {
    this.refs++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  get size(): number {
    return this.items.length;
  }

  toXml(): string {
    let xml = `${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.items.length}">`;
    for (const s of this.items) xml += `<si>${tElement(s)}</si>`;
    return xml + "</sst>";
  }
}

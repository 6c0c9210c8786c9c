import * as Y from "yjs";

/** The text of section F's first provision's "delivered by" field, in a plan's Yjs document. */
export function deliveredByText(doc: Y.Doc): Y.XmlText {
  const sectionF = doc
    .getXmlFragment("default")
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === "sectionF") as Y.XmlElement;
  const field = (sectionF.get(0) as Y.XmlElement)
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === "provisionDeliveredBy");
  return (field as Y.XmlElement).get(0) as Y.XmlText;
}

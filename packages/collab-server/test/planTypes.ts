import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import * as Y from "yjs";

// Where the attack suites aim: the plan's Yjs types, found as the server's copy holds them.

/** An attacker's own client id: one no one has used. */
export const ATTACKER = 0x5eed;

export const root = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(PLAN_FRAGMENT_NAME);

export const child = (parent: Y.XmlFragment, name: string): Y.XmlElement =>
  parent.toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === name) as Y.XmlElement;

export const idOf = (type: Y.AbstractType<any>): Y.ID => (type._item as Y.Item).id;

/** The text of the first paragraph of the first view in section A. */
export const viewText = (doc: Y.Doc): Y.XmlText =>
  ((child(root(doc), "sectionA").get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
    0,
  ) as Y.XmlText;

import { z } from "zod";
import { isSafeHref } from "./safeHref.js";
import { isLanguageTag } from "./isLanguageTag.js";
import { MAX_TEXT_LENGTH } from "./limits.js";

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export const BoldMarkSchema = z.strictObject({ type: z.literal("bold") });
export const ItalicMarkSchema = z.strictObject({ type: z.literal("italic") });
export const UnderlineMarkSchema = z.strictObject({ type: z.literal("underline") });
export const LinkMarkSchema = z.strictObject({
  type: z.literal("link"),
  attrs: z.strictObject({
    href: z
      .string()
      .max(2048)
      .regex(SAFE_HREF, { message: "a link must be an http, https or mailto address", abort: true })
      .refine(isSafeHref, { message: "a link must be an http, https or mailto address" }),
  }),
});

/** A language tag (BCP 47): "cy" for Welsh, "ur" for Urdu, "pl" or "pt-BR". */
export const LangSchema = z.string().max(35).refine(isLanguageTag, {
  message: 'expected a language tag (BCP 47), such as "cy" for Welsh, "ur" for Urdu or "pl"',
});

/** Words in another language than the text around them (format version 1.1). */
export const LangMarkSchema = z.strictObject({
  type: z.literal("lang"),
  attrs: z.strictObject({ lang: LangSchema }),
});

export const MarkSchema = z.discriminatedUnion(
  "type",
  [BoldMarkSchema, ItalicMarkSchema, UnderlineMarkSchema, LinkMarkSchema, LangMarkSchema],
  { error: "unknown mark: rich text admits only bold, italic, underline, link and lang" },
);

/** Marks in the order ProseMirror keeps them; each at most once. */
export const MARK_ORDER = ["bold", "italic", "underline", "link", "lang"] as const;

export const TextNodeSchema = z.strictObject({
  type: z.literal("text"),
  text: z.string().min(1, { message: "a text node cannot be empty" }).max(MAX_TEXT_LENGTH),
  marks: z
    .array(MarkSchema)
    .max(MARK_ORDER.length)
    .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, {
      message: "a mark appears twice on one text node",
    })
    .optional(),
});

const inline = z.array(TextNodeSchema);

export const ParagraphSchema = z.strictObject({
  type: z.literal("paragraph"),
  /** The paragraph's language, where it is not the plan's (format version 1.1). */
  attrs: z.strictObject({ lang: LangSchema }).optional(),
  content: inline.optional(),
});

export const HeadingSchema = z.strictObject({
  type: z.literal("heading"),
  attrs: z.strictObject({
    level: z.union([z.literal(3), z.literal(4)], {
      error: "headings inside a plan field are level 3 or 4",
    }),
  }),
  content: inline.optional(),
});

export const ListItemSchema = z.strictObject({
  type: z.literal("listItem"),
  get content() {
    return z.array(BlockSchema).min(1, { message: "a list item holds at least one block" });
  },
});

export const BulletListSchema = z.strictObject({
  type: z.literal("bulletList"),
  content: z.array(ListItemSchema).min(1, { message: "a list holds at least one item" }),
});

export const OrderedListSchema = z.strictObject({
  type: z.literal("orderedList"),
  content: z.array(ListItemSchema).min(1, { message: "a list holds at least one item" }),
});

export const BlockSchema: z.ZodType<Block> = z.discriminatedUnion(
  "type",
  [ParagraphSchema, HeadingSchema, BulletListSchema, OrderedListSchema],
  {
    error:
      "unknown rich-text node: rich text admits only paragraph, heading, bulletList and orderedList blocks",
  },
);

/** Rich text: ProseMirror JSON blocks restricted to what a plan may hold. */
export const RichTextSchema = z.array(BlockSchema);

export type Mark = z.infer<typeof MarkSchema>;
export type TextNode = z.infer<typeof TextNodeSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Heading = z.infer<typeof HeadingSchema>;
export interface ListItem {
  type: "listItem";
  content: Block[];
}
export interface BulletList {
  type: "bulletList";
  content: ListItem[];
}
export interface OrderedList {
  type: "orderedList";
  content: ListItem[];
}
export type Block = Paragraph | Heading | BulletList | OrderedList;
export type RichText = Block[];

import type { IncomingMessage } from "node:http";
import { HttpError } from "./HttpError.js";

/** The request's body as text, refused with 413 past `limit` bytes without reading the rest. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers["content-length"]);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (limit: number) =>
  new HttpError(413, `the request is larger than ${limit.toLocaleString("en-GB")} bytes`);

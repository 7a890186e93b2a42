import { BSON, type Document } from 'mongodb';

/** The opcodes the stand-in speaks: the driver's first handshake is an OP_QUERY, everything after it OP_MSG. */
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const HEADER_BYTES = 16;
const CHECKSUM_PRESENT = 1;
const MORE_TO_COME = 2;

/** One request off the wire: its id, its command (OP_MSG document sequences folded in) and whether it wants an answer. */
export type WireRequest = {
  readonly requestId: number;
  readonly opCode: number;
  readonly command: Document;
  readonly answered: boolean;
};

/** The length of the first whole message in `buffer`, or undefined while it is still arriving. */
export const messageLength = (buffer: Buffer): number | undefined => {
  if (buffer.length < 4) return undefined;
  const length = buffer.readInt32LE(0);
  return buffer.length >= length ? length : undefined;
};

const cstring = (buffer: Buffer, at: number): [string, number] => {
  const end = buffer.indexOf(0, at);
  return [buffer.toString('utf8', at, end), end + 1];
};

const documentAt = (buffer: Buffer, at: number): [Document, number] => {
  const size = buffer.readInt32LE(at);
  return [BSON.deserialize(buffer.subarray(at, at + size)), at + size];
};

/** Decodes one whole OP_QUERY or OP_MSG message. */
export const decodeRequest = (message: Buffer): WireRequest => {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_QUERY) {
    const [, afterName] = cstring(message, HEADER_BYTES + 4);
    const [command] = documentAt(message, afterName + 8);
    return { requestId, opCode, command, answered: true };
  }
  if (opCode !== OP_MSG) throw new Error(`the MongoDB stand-in does not speak opcode ${opCode}`);
  const flags = message.readUInt32LE(HEADER_BYTES);
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let command: Document = {};
  for (let at = HEADER_BYTES + 4; at < end;) {
    const kind = message.readUInt8(at);
    if (kind === 0) {
      [command, at] = documentAt(message, at + 1);
      continue;
    }
    // Kind 1: a named sequence of documents that belongs in the command under that name.
    const sectionEnd = at + 1 + message.readInt32LE(at + 1);
    const [identifier, first] = cstring(message, at + 5);
    let next = first;
    const documents: Document[] = [];
    while (next < sectionEnd) {
      const [document, after] = documentAt(message, next);
      documents.push(document);
      next = after;
    }
    command = { ...command, [identifier]: documents };
    at = sectionEnd;
  }
  return { requestId, opCode, command, answered: (flags & MORE_TO_COME) === 0 };
};

const header = (length: number, responseTo: number, opCode: number): Buffer => {
  const buffer = Buffer.alloc(HEADER_BYTES);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
};

/** The answer to `request` in the form it was asked: OP_REPLY to an OP_QUERY, OP_MSG to an OP_MSG. */
export const encodeReply = (request: WireRequest, reply: Document): Buffer => {
  const document = Buffer.from(BSON.serialize(reply));
  if (request.opCode === OP_QUERY) {
    const body = Buffer.alloc(20);
    body.writeInt32LE(1, 16); // responseFlags 0, cursorID 0, startingFrom 0, numberReturned 1
    return Buffer.concat([header(HEADER_BYTES + 20 + document.length, request.requestId, OP_REPLY), body, document]);
  }
  const body = Buffer.alloc(5); // flagBits 0, then a kind 0 section
  return Buffer.concat([header(HEADER_BYTES + 5 + document.length, request.requestId, OP_MSG), body, document]);
};

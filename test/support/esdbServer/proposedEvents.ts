import type { ServiceError } from './clientProtocol.ts';
import { requiredMetadataPropertyMissing } from './nodeErrors.ts';
import type { ProposedEvent } from './transactionLog.ts';

type UuidMessage = {
  hasString(): boolean;
  getString(): string;
  getStructured(): { getMostSignificantBits(): string; getLeastSignificantBits(): string } | undefined;
};

/** A proposed message as Append and BatchAppend both carry it. */
export type ProposedMessage = {
  getId(): UuidMessage | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
};

const uuidText = (uuid: UuidMessage | undefined): string => {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString();
  const structured = uuid.getStructured()!;
  const hex = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
  const all = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
};

/** The event a proposed message asks to write; the node refuses one without its type or content type. */
export const toProposedEvent = (message: ProposedMessage): ProposedEvent | ServiceError => {
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (type === undefined || contentType === undefined) return requiredMetadataPropertyMissing();
  return {
    id: uuidText(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};

/** The node's Event.SizeOnDisk, which MaxAppendSize limits: data and metadata bytes, and the type at two bytes a character. */
export const sizeOnDisk = (event: ProposedEvent): number =>
  event.data.length + event.metadata.length + event.type.length * 2;

export const isProposedEvent = (value: ProposedEvent | ServiceError): value is ProposedEvent => 'id' in value;

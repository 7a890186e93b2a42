/** Who sends a command, on whose behalf, when; the handler stamps it onto every event. */
export type CommandContext = {
  readonly commandId: string;
  readonly companyId: string;
  readonly actor: string;
  readonly now: Date;
  readonly correlationId?: string;
  readonly causationId?: string;
};

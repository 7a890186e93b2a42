/** Where the projection runner and its lease keeper say what they did: pino's shape, so the service's logger serves. */
export type RunnerLog = {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

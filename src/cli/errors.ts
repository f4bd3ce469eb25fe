/** A usage or input/output error: the command stops with exit status 2 and one clear line on stderr. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
  }
}

// One-line error reports on stderr that name the input, so a batch can go on past a bad file.
export function reportError(where: string, message: string): void {
  process.stderr.write(`parley: ${where}: ${message.split('\n')[0]}\n`);
}

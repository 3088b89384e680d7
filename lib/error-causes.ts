/** An error's first line and its causes', e.g. a workflow's failure, the activity failure behind it and the timeout behind that. */
export const causesOf = (error: unknown): string => {
  const lines: string[] = [];
  for (let at: unknown = error; at instanceof Error && lines.length < 5; at = at.cause) lines.push(at.message.split('\n')[0]!);
  return lines.join(' ← ');
};

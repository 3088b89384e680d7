import { hostname, userInfo } from 'node:os';

/** Who runs the CLI, as Temporal records it on every decision (the update's identity) and submission. */
export const cliIdentity = (): string => {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER;
  }
  return `cli:${user || 'unknown'}@${hostname()}`;
};

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes message files into one folder, creating it when it is missing (first write, or removed since) rather than asking before every file. */
export const createOutboxFolder = (dir: string) => {
  let ready: Promise<unknown> | null = null;
  const ensure = async (): Promise<void> => {
    ready ??= mkdir(dir, { recursive: true });
    try {
      await ready;
    } catch (error) {
      ready = null;
      throw error;
    }
  };
  return {
    dir,
    /** Writes `name` in the folder and returns its path; writing the same name again replaces the file. */
    async write(name: string, content: string | Buffer): Promise<string> {
      const file = path.join(dir, name);
      await ensure();
      try {
        await writeFile(file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        ready = null;
        await ensure();
        await writeFile(file, content);
      }
      return file;
    },
  };
};

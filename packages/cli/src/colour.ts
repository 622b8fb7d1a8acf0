import { styleText } from "node:util";
import type { Io } from "./command.js";

type Style = Parameters<typeof styleText>[0];

// Node ≥ 22.13 checks the stream itself unless told not to; the decision is made once, in `useColour`.
const style = (s: Style, text: string) => (styleText as (s: Style, t: string, o?: object) => string)(s, text, { validateStream: false });

/** Colour on a terminal only: off for `--no-color`, `NO_COLOR` (any non-empty value) and pipes; `FORCE_COLOR` forces it. */
export function useColour(env: NodeJS.ProcessEnv, isTty: boolean, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR ?? "") !== "") return false;
  if ((env.FORCE_COLOR ?? "") !== "" && env.FORCE_COLOR !== "0") return true;
  return isTty && env.TERM !== "dumb";
}

/** Colours the severity of a `file:line:column: severity: message` line (red errors, yellow warnings) when colour is on. */
export function paint(io: Io, line: string): string {
  if (!io.color) return line;
  // One format per call: arrays of formats need a newer Node than 20.19.
  const coloured = (s: string) => (s === "info" ? style("cyan", s) : style("bold", style(s === "error" ? "red" : "yellow", s)));
  return line.replace(/: (error|warning|info): /, (_, s: string) => `: ${coloured(s)}: `);
}

/** Bold text when colour is on (headings of `--help`). */
export function bold(io: Io, text: string): string {
  return io.color ? style("bold", text) : text;
}

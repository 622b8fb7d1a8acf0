// Public API of @rampart/cli: run the CLI in-process (the binary is `rampart`).
export { main } from "./main.js";
export type { Command, Io } from "./command.js";

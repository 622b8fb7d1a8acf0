// Bundles the report page's script (src/report/client, with @dagrejs/dagre, MIT) into src/report/client-bundle.ts.
// Run by `pnpm build`; the generated file is committed so that tests and typecheck run from sources.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleClient } from "./bundle-client-lib.mjs";

const out = fileURLToPath(new URL("../src/report/client-bundle.ts", import.meta.url));
writeFileSync(out, await bundleClient());

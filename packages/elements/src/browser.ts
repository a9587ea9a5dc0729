// The drop-in build: loading this module defines <gongkai-report>.

import { defineGongkaiReport } from "./gongkai-report-element";
import { zodJitless } from "./jitless";

if (!zodJitless) throw new Error("zod must run jitless in the drop-in build");
defineGongkaiReport();

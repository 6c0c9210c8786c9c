import { z } from "zod";

// zod compiles schemas with `new Function` when it may, and checks whether it may as the first
// schema is built; the app's content security policy forbids eval, so zod is told not to try
// before any schema is built (this module is imported first).
z.config({ jitless: true });

import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  future: {
    // Loaders and actions receive the request as it arrived, and the page's address as `url`:
    // without this, React Router builds two new Requests for every loader it runs, and the
    // loaders of one page cannot share the session's look-up (keyed by the Request).
    v8_passThroughRequests: true,
  },
} satisfies Config;

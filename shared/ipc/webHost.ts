/** Where the web host answers and how its page proves it holds the token: one place for both sides. */
export const WEB_HOST = {
  /** The only place the token travels on a call; never a cookie (cookies ignore ports). */
  tokenHeader: 'x-stackwise-token',
  invokePath: '/api/invoke',
  eventsPath: '/api/events',
} as const;

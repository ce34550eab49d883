/** The raw tables the generator produces, in load order. */
export const RAW_TABLES = ['customers', 'users', 'events'] as const;
export type RawTableName = (typeof RAW_TABLES)[number];

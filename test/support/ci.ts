/** Under CI a test whose tool or server is missing fails; elsewhere it may skip. */
export const inCi = process.env.CI === "true" || process.env.CI === "1";

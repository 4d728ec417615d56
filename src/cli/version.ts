/** The package version, kept in step with package.json by a test. @internal */
export const VERSION = '0.1.0';

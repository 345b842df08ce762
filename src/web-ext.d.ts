/** The part of web-ext's programmatic API our scripts and Firefox tests use (the package ships no types). */
declare module 'web-ext' {
  interface Runner {
    exit(): void;
  }
  const webExt: {
    cmd: {
      lint(
        options: Record<string, unknown>,
        extra: { shouldExitProgram: boolean },
      ): Promise<unknown>;
      build(
        options: Record<string, unknown>,
        extra: { shouldExitProgram: boolean },
      ): Promise<unknown>;
      run(options: Record<string, unknown>, extra: { shouldExitProgram: boolean }): Promise<Runner>;
    };
  };
  export default webExt;
}

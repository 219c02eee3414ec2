// Runs before each integration test file.
export {};

export function newestSource(root: string, paths?: string[]): number;
export function staleReason(root: string, target: string): string | null;

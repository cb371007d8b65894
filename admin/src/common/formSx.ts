/** Forms stay a readable width on wide screens. */
export const formSx = { maxWidth: 720 } as const;

import { handleAuthRequest } from '@/lib/auth/route';

export const GET = handleAuthRequest;
export const POST = handleAuthRequest;

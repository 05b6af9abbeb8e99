// Dynamic on purpose: a request runs the handler, as the app's server action runs on every POST.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok");
}

// The body is not read: the ceiling is the framework's cost of a request, not the parsing.
export function POST() {
  return new Response("ok");
}

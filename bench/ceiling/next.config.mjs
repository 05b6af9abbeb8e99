// The ceiling the app's submission is judged against: a Next.js app of the same version whose one
// route handler does no work. Kept apart from the product so production ships no bench route.
const config = {};
export default config;

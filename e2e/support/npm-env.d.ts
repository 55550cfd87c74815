// What a bundler-based app declares once: stylesheet imports are side effects with no exports.
declare module "*.css";

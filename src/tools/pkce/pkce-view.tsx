export function PkceView() {
  return <h1>PKCE</h1>;
}

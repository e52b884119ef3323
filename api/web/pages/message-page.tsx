/** A page that only says something (an error, a refusal) with a way on. */
export function MessagePage(props: { heading: string; message: string; link?: { href: string; text: string } }) {
  return (
    <>
      <h1>{props.heading}</h1>
      <p>{props.message}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.text}</a>
        </p>
      ) : null}
    </>
  );
}

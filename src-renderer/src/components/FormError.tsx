import { Icon } from './Icon';

/** A failed call's message inside a form, announced as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  return (
    <div role="alert" className={message ? 'form-error' : 'form-error-empty'}>
      {message && (
        <>
          <Icon name="alert" />
          <span>{message}</span>
        </>
      )}
    </div>
  );
}

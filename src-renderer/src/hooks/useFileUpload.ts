import { useEffect, useRef, useState } from 'react';
import { uploadFile, type UploadedFile } from '../lib/upload';

interface UploadState {
  name: string;
  sent: number;
  total: number;
}

/** Uploads one picked file at a time with its progress; unmounting or starting another abandons the last. */
export function useFileUpload() {
  const [progress, setProgress] = useState<UploadState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const upload = async (file: File): Promise<UploadedFile | null> => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ name: file.name, sent: 0, total: file.size });
    try {
      return await uploadFile(file, (sent, total) => setProgress({ name: file.name, sent, total }), controller.signal);
    } catch (failure) {
      if (!controller.signal.aborted) setError(failure);
      return null;
    } finally {
      if (abort.current === controller) {
        abort.current = null;
        setProgress(null);
      }
    }
  };

  return { upload, progress, error };
}

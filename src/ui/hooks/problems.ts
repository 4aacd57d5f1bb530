import { useCallback, useState } from 'react';

/** The fields of a form whose text cannot be used, as the form's fields report them (see SchemaForm's onProblem). */
export function useProblems(): readonly [string[], (key: string, problem: string | undefined) => void] {
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const onProblem = useCallback((key: string, problem: string | undefined) => {
    setProblems((p) => {
      if (p[key] === problem) return p;
      const { [key]: _gone, ...rest } = p;
      return problem === undefined ? rest : { ...rest, [key]: problem };
    });
  }, []);
  return [Object.values(problems), onProblem] as const;
}

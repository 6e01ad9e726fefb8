// Request headers exactly as received: original name case, arrival order, duplicates kept.
import type { HeaderPair } from '../../../../shared/model';
import { LongText } from '../../../components/LongText';

export function HeadersTable({ headers }: { headers: HeaderPair[] }) {
  return (
    <section className="panel" data-testid="headers">
      <h2 className="panel-title">
        Headers <span className="muted small">{headers.length} in received order</span>
      </h2>
      <table className="headers-table mono">
        <tbody>
          {headers.map(([name, value], i) => (
            <tr key={i}>
              <th scope="row">{name}</th>
              <td className="break">
                <LongText text={value} limit={400} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

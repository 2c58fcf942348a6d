// Typed data the wallet does not recognise: every field of its domain and message, as the page sent
// them, in a tree of collapsible structures (name, EIP-712 type, value as text).
import { SafeText } from '../components/outside-text';
import { t } from '../i18n';
import { PageBox } from './parts';
import type { GenericFieldView } from './sentence';

/** The members of a struct or array value; arrays of arrays become numbered groups. */
function childrenOf(value: Exclude<GenericFieldView['value'], string>): GenericFieldView[] {
  return (value as readonly (GenericFieldView | GenericFieldView[])[]).map((item, index) =>
    Array.isArray(item) ? { name: `[${index}]`, type: '', value: item } : item);
}

function FieldNode({ field }: { field: GenericFieldView }) {
  const label = (
    <>
      <span class="tree-name"><SafeText text={field.name} /></span>
      {field.type !== '' && <span class="tree-type"><SafeText text={field.type} /></span>}
    </>
  );
  if (typeof field.value === 'string') {
    return (
      <div class="tree-leaf">
        {label}
        <span class="tree-value"><SafeText text={field.value} /></span>
      </div>
    );
  }
  return (
    <details class="tree-node" open>
      <summary>{label}</summary>
      <FieldList fields={childrenOf(field.value)} />
    </details>
  );
}

function FieldList({ fields }: { fields: readonly GenericFieldView[] }) {
  return (
    <ul class="tree">
      {fields.map((field, index) => <li key={index}><FieldNode field={field} /></li>)}
    </ul>
  );
}

export function GenericTree({ domain, message }: { domain: readonly GenericFieldView[]; message: readonly GenericFieldView[] }) {
  return (
    <PageBox label={t('tree_title')}>
      <details class="tree-root" open>
        <summary>{t('tree_domain')}</summary>
        <FieldList fields={domain} />
      </details>
      <details class="tree-root" open>
        <summary>{t('tree_message')}</summary>
        <FieldList fields={message} />
      </details>
    </PageBox>
  );
}

import { parseHTML } from 'linkedom';
const { document } = parseHTML('<html><body>' + '<'.repeat(10) + '<p>a</p></body></html>');
console.log(document.body.childNodes.length, typeof (document.body as any).normalize);
(document.body as any).normalize(); console.log(document.body.childNodes.length);

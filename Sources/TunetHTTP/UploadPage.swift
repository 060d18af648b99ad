/// A minimal page where a farm sends its attendance file with its token, through the same endpoint as scripts.
enum UploadPage {
    static let html = """
        <!doctype html>
        <html lang="nb">
        <head><meta charset="utf-8"><title>Tunet: send oppmøte</title>
        <style>body{font-family:sans-serif;max-width:40em;margin:2em auto}label{display:block;margin:1em 0 .3em}pre{background:#f4f4f4;padding:1em}</style>
        </head>
        <body>
        <h1>Send oppmøteliste</h1>
        <p>Lim inn nøkkelen (token) dere fikk fra kommunen, velg filen (CSV eller utfylt xlsx-mal) og send.</p>
        <label for="token">Nøkkel</label><input id="token" type="password" size="72">
        <label for="month">Måned (for malen)</label><input id="month" type="month">
        <label for="file">Fil</label><input id="file" type="file" accept=".csv,.xlsx">
        <p><button id="send">Send fil</button> <button id="template">Last ned mal</button></p>
        <pre id="result"></pre>
        <script>
        const token = () => document.getElementById('token').value.trim();
        const show = text => document.getElementById('result').textContent = text;
        document.getElementById('send').onclick = async () => {
          const file = document.getElementById('file').files[0];
          if (!file) { show('Velg en fil først.'); return; }
          const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
          const response = await fetch('/v1/attendance?filename=' + encodeURIComponent(file.name),
            { method: 'POST', headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': type }, body: file });
          show(response.status + '\\n' + JSON.stringify(await response.json(), null, 2));
        };
        document.getElementById('template').onclick = async () => {
          const month = document.getElementById('month').value;
          const response = await fetch('/v1/attendance/template?month=' + month, { headers: { 'Authorization': 'Bearer ' + token() } });
          if (!response.ok) { show(response.status + '\\n' + await response.text()); return; }
          const link = document.createElement('a');
          link.href = URL.createObjectURL(await response.blob());
          link.download = 'oppmote-' + month + '.xlsx';
          link.click();
        };
        </script>
        </body>
        </html>
        """
}

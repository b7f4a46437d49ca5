package live

// script is the live-reload client injected into served pages (never into
// build output). It listens to the event stream: "reload" reloads the
// page, "css" swaps the stylesheets, "error" shows the build's errors in
// an overlay over the last good page; "index" (the search index caught up
// with the reload) it ignores.
const script = `(function(){
var es=new EventSource("/_seutu/events");
es.addEventListener("reload",function(){location.reload();});
es.addEventListener("css",function(){
var links=document.querySelectorAll('link[rel="stylesheet"]');
for(var i=0;i<links.length;i++){var u=links[i].href.split("?")[0];links[i].href=u+"?v="+Date.now();}
var o=document.getElementById("seutu-virheet");if(o)o.parentNode.removeChild(o);
});
es.addEventListener("error",function(e){
var d=JSON.parse(e.data),o=document.getElementById("seutu-virheet");
if(!o){o=document.createElement("div");o.id="seutu-virheet";o.setAttribute("role","alertdialog");o.setAttribute("aria-labelledby","seutu-virheet-otsikko");
o.style.cssText="position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#fff;color:#000;border:4px solid #b00020;border-radius:4px;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 0 0 100vmax rgba(0,0,0,.5)";
document.body.appendChild(o);}
o.innerHTML="";
var h=document.createElement("h2");h.id="seutu-virheet-otsikko";h.textContent="Sivuston rakentaminen epäonnistui";h.style.cssText="margin:0 0 .5rem;color:#b00020";o.appendChild(h);
var p=document.createElement("p");p.textContent="Korjaa nämä kohdat ja tallenna: sivu päivittyy itsestään. Alla näkyy viimeisin toimiva versio.";o.appendChild(p);
var pre=document.createElement("pre");pre.style.cssText="white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace";pre.textContent=d.errors.join("\n")+(d.summary?"\n"+d.summary:"");o.appendChild(pre);
var b=document.createElement("button");b.type="button";b.textContent="Sulje";b.style.cssText="font:inherit;padding:.4rem 1rem";b.onclick=function(){o.parentNode.removeChild(o);};o.appendChild(b);
b.focus();
});
})();`

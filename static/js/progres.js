/* Poll every progress block ([data-progres-url], templates/tugas/_progres.html) once a second
   and update it in place until the task is done or failed. Loaded as a file: the CSP forbids
   inline scripts. Without JavaScript the block still shows the state and a "Perbarui" link. */
(function () {
  "use strict";

  function tampil(el, ada) {
    if (el) { el.hidden = !ada; }
  }

  function teks(blok, nama, isi) {
    var el = blok.querySelector("[data-progres-" + nama + "]");
    if (el) { el.textContent = isi; }
    return el;
  }

  function perbarui(blok, d) {
    var bar = blok.querySelector("[data-progres-bar]");
    if (bar) { bar.value = d.persen; bar.textContent = d.persen + "%"; }
    teks(blok, "persen", d.persen + "%");
    teks(blok, "ringkasan", d.ringkasan);
    teks(blok, "status", d.status_label);
    var pesan = teks(blok, "pesan", d.pesan || "");
    if (pesan) {
      tampil(pesan, !!d.pesan);
      pesan.classList.toggle("galat", d.status === "gagal");
      pesan.classList.toggle("pesan", d.status === "selesai");
    }
    tampil(blok.querySelector("[data-progres-galat]"), d.jumlah_galat > 0);
    var daftar = blok.querySelector("[data-progres-daftar-galat]");
    if (daftar) {
      daftar.replaceChildren.apply(daftar, d.galat.map(function (g) {
        var li = document.createElement("li");
        li.textContent = g;
        return li;
      }));
    }
    teks(blok, "jumlah-galat", d.teks_galat);
    tampil(blok.querySelector("[data-progres-unduh]"), !!d.unduh && d.status === "selesai");
    teks(blok, "nama-berkas", d.nama_berkas || "");
    // The next step (the preview the task built) once it is done.
    tampil(blok.querySelector("[data-progres-lanjut]"), !!d.lanjut && d.status === "selesai");
    tampil(blok.querySelector("[data-progres-perbarui]"), d.aktif);
    blok.classList.remove("progres-antre", "progres-berjalan", "progres-selesai", "progres-gagal");
    blok.classList.add("progres-" + d.status);
    blok.dataset.progresAktif = d.aktif ? "1" : "0";
  }

  function pantau(blok) {
    if (blok.dataset.progresDipantau) { return; }
    blok.dataset.progresDipantau = "1";
    var url = blok.dataset.progresUrl;
    function langkah() {
      if (blok.dataset.progresAktif !== "1") { return; }
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (d) {
          perbarui(blok, d);
          if (d.aktif) { window.setTimeout(langkah, 1000); }
        })
        // A dropped request (server restarting, network): try again a little later.
        .catch(function () { window.setTimeout(langkah, 3000); });
    }
    window.setTimeout(langkah, 1000);
  }

  function semua() {
    document.querySelectorAll("[data-progres-url]").forEach(pantau);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", semua);
  } else {
    semua();
  }
})();

// The sign-in page: /console/login?failed is where a refused sign-in lands.
if (new URLSearchParams(location.search).has('failed')) {
  document.getElementById('failed').hidden = false;
}

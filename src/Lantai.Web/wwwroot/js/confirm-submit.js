// Asks before a form with data-confirm is sent (退回, 删除文件): the question is the attribute's text, in the page's language.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});

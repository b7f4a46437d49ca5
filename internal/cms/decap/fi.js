// Decap CMS's interface in Finnish. Decap ships no Finnish, and falls back
// to English for each phrase not given here. Written for seutu (MIT, as
// Decap's own locales); the keys are those of decap-cms-locales' en.
CMS.registerLocale('fi', {
  auth: {
    login: 'Kirjaudu',
    loggingIn: 'Kirjaudutaan…',
    loginWithNetlifyIdentity: 'Kirjaudu Netlify Identityllä',
    loginWithAzure: 'Kirjaudu Azurella',
    loginWithBitbucket: 'Kirjaudu Bitbucketilla',
    loginWithGitHub: 'Kirjaudu GitHubilla',
    loginWithGitLab: 'Kirjaudu GitLabilla',
    loginWithGitea: 'Kirjaudu Gitealla',
    loginWithForgejo: 'Kirjaudu Forgejolla',
    errors: {
      email: 'Kirjoita sähköpostiosoitteesi.',
      password: 'Kirjoita salasanasi.',
      identitySettings: 'Kirjautumisen asetuksiin ei päästä. Git Gatewayta käytettäessä Identity-palvelun ja Git Gatewayn on oltava käytössä.'
    }
  },
  app: {
    header: {
      content: 'Sisällöt',
      workflow: 'Työnkulku',
      media: 'Kuvat ja tiedostot',
      quickAdd: 'Lisää uusi'
    },
    app: {
      errorHeader: 'Muokkaimen asetusten lataus epäonnistui',
      configErrors: 'Virheet asetuksissa',
      checkConfigYml: 'Tarkista config.yml (seutu cms tekee sen).',
      loadingConfig: 'Ladataan asetuksia…',
      waitingBackend: 'Odotetaan palvelinta…'
    },
    notFoundPage: {
      header: 'Sivua ei löydy'
    }
  },
  collection: {
    sidebar: {
      collections: 'Sisältötyypit',
      allCollections: 'Kaikki sisältötyypit',
      searchAll: 'Hae kaikista',
      searchIn: 'Hae kohteesta'
    },
    collectionTop: {
      sortBy: 'Järjestä',
      viewAs: 'Näytä',
      viewAsList: 'Listana',
      viewAsGrid: 'Ruudukkona',
      newButton: '＋ %{collectionLabel}',
      newButtonAriaLabel: 'Uusi: %{collectionLabel}',
      ascending: 'Nousevasti',
      descending: 'Laskevasti',
      searchResults: 'Hakutulokset: "%{searchTerm}"',
      searchResultsInCollection: 'Hakutulokset: "%{searchTerm}" kohteessa %{collection}',
      filterBy: 'Rajaa',
      groupBy: 'Ryhmittele'
    },
    entries: {
      loadingEntries: 'Ladataan…',
      cachingEntries: 'Ladataan välimuistiin…',
      longerLoading: 'Tämä voi kestää useita minuutteja',
      noEntries: 'Ei sisältöä',
      unpublishedHeader: 'Julkaisemattomat'
    },
    groups: {
      other: 'Muut',
      negateLabel: 'Ei %{label}'
    },
    defaultFields: {
      author: { label: 'Tekijä' },
      updatedOn: { label: 'Muutettu' }
    }
  },
  editor: {
    editorControl: {
      field: {
        optional: 'vapaaehtoinen',
        widgetLabel: 'kenttä %{widgetLabel}'
      }
    },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} on pakollinen.',
        regexPattern: '%{fieldLabel}: %{pattern}.',
        processing: '%{fieldLabel}: käsitellään.',
        range: '%{fieldLabel}: arvon on oltava %{minValue}–%{maxValue}.',
        min: '%{fieldLabel}: arvon on oltava vähintään %{minValue}.',
        max: '%{fieldLabel}: arvon on oltava enintään %{maxValue}.',
        rangeCount: '%{fieldLabel}: %{minCount}–%{maxCount} kohtaa.',
        rangeCountExact: '%{fieldLabel}: täsmälleen %{count} kohtaa.',
        rangeMin: '%{fieldLabel}: vähintään %{minCount} kohtaa.',
        rangeMax: '%{fieldLabel}: enintään %{maxCount} kohtaa.',
        invalidPath: "'%{path}' ei ole kelvollinen polku",
        pathExists: "Polku '%{path}' on jo olemassa"
      },
      i18n: {
        writingInLocale: 'Kieli: %{locale}',
        copyFromLocale: 'Täytä toisesta kielestä',
        copyFromLocaleConfirm: 'Täytetäänkö tiedot kielestä %{locale}?\nKaikki nykyinen sisältö korvataan.'
      }
    },
    editor: {
      onLeavePage: 'Haluatko varmasti poistua sivulta?',
      onUpdatingWithUnsavedChanges: 'Muutoksia on tallentamatta: tallenna ennen kuin vaihdat tilaa.',
      onPublishingNotReady: 'Vaihda tilaksi ”Valmis” ennen julkaisua.',
      onPublishingWithUnsavedChanges: 'Muutoksia on tallentamatta: tallenna ennen julkaisua.',
      onPublishing: 'Julkaistaanko tämä?',
      onUnpublishing: 'Poistetaanko tämä julkaisusta?',
      onDeleteWithUnsavedChanges: 'Poistetaanko tämä julkaistu sisältö ja tallentamattomat muutoksesi?',
      onDeletePublishedEntry: 'Poistetaanko tämä julkaistu sisältö?',
      onDeleteUnpublishedChangesWithUnsavedChanges: 'Tämä poistaa kaikki julkaisemattomat muutokset ja tallentamattomat muutoksesi. Poistetaanko?',
      onDeleteUnpublishedChanges: 'Kaikki julkaisemattomat muutokset poistetaan. Poistetaanko?',
      loadingEntry: 'Ladataan…',
      confirmLoadBackup: 'Tälle sisällölle löytyi selaimeen tallennettu varmuuskopio. Käytetäänkö sitä?'
    },
    editorInterface: {
      toggleI18n: 'Näytä kielet rinnakkain',
      togglePreview: 'Näytä esikatselu',
      toggleScrollSync: 'Vieritä yhdessä',
      toggleNotes: 'Näytä muistiinpanot'
    },
    editorToolbar: {
      publishing: 'Julkaistaan…',
      publish: 'Julkaise',
      published: 'Julkaistu',
      unpublish: 'Poista julkaisusta',
      duplicate: 'Monista',
      unpublishing: 'Poistetaan julkaisusta…',
      publishAndCreateNew: 'Julkaise ja aloita uusi',
      publishAndDuplicate: 'Julkaise ja monista',
      deleteUnpublishedChanges: 'Poista julkaisemattomat muutokset',
      deleteUnpublishedEntry: 'Poista julkaisematon sisältö',
      deletePublishedEntry: 'Poista julkaistu sisältö',
      deleteEntry: 'Poista',
      saving: 'Tallennetaan…',
      save: 'Tallenna',
      statusInfoTooltipDraft: 'Tämä on luonnos. Kun se on valmis tarkistettavaksi, vaihda tilaksi ”Tarkistettavana”.',
      statusInfoTooltipInReview: 'Tätä tarkistetaan. Voit silti jatkaa muokkaamista.',
      deleting: 'Poistetaan…',
      updating: 'Päivitetään…',
      status: 'Tila: %{status}',
      backCollection: ' Muokkaat: %{collectionLabel}',
      unsavedChanges: 'Tallentamattomia muutoksia',
      changesSaved: 'Muutokset tallennettu',
      draft: 'Luonnos',
      inReview: 'Tarkistettavana',
      ready: 'Valmis',
      publishNow: 'Julkaise nyt',
      deployPreviewPendingButtonLabel: 'Hae esikatselu',
      deployPreviewButtonLabel: 'Esikatsele',
      deployButtonLabel: 'Näytä sivustolla'
    },
    editorWidgets: {
      markdown: {
        bold: 'Lihavointi',
        italic: 'Kursiivi',
        strikethrough: 'Yliviivaus',
        code: 'Koodi',
        link: 'Linkki',
        linkPrompt: 'Kirjoita linkin osoite',
        headings: 'Otsikot',
        quote: 'Lainaus',
        bulletedList: 'Luettelo',
        numberedList: 'Numeroitu luettelo',
        addComponent: 'Lisää osa',
        richText: 'Muotoiltu',
        markdown: 'Markdown',
        toggleMode: {
          rich: 'Vaihda muotoiltuun tekstiin',
          markdown: 'Vaihda Markdowniin'
        }
      },
      image: {
        choose: 'Valitse kuva',
        chooseMultiple: 'Valitse kuvat',
        chooseUrl: 'Lisää osoitteesta',
        replaceUrl: 'Korvaa osoitteella',
        promptUrl: 'Kirjoita kuvan osoite',
        chooseDifferent: 'Valitse toinen kuva',
        addMore: 'Lisää kuvia',
        remove: 'Poista kuva',
        removeAll: 'Poista kaikki kuvat'
      },
      file: {
        choose: 'Valitse tiedosto',
        chooseUrl: 'Lisää osoitteesta',
        chooseMultiple: 'Valitse tiedostot',
        replaceUrl: 'Korvaa osoitteella',
        promptUrl: 'Kirjoita tiedoston osoite',
        chooseDifferent: 'Valitse toinen tiedosto',
        addMore: 'Lisää tiedostoja',
        remove: 'Poista tiedosto',
        removeAll: 'Poista kaikki tiedostot'
      },
      headingOptions: {
        headingOne: 'Otsikko 1',
        headingTwo: 'Väliotsikko 2',
        headingThree: 'Väliotsikko 3',
        headingFour: 'Väliotsikko 4',
        headingFive: 'Väliotsikko 5',
        headingSix: 'Väliotsikko 6'
      },
      datetime: {
        now: 'Nyt',
        clear: 'Tyhjennä',
        setToNow: 'Aseta %{fieldLabel} tähän hetkeen'
      },
      list: {
        add: 'Lisää: %{item}',
        addType: 'Lisää: %{item}'
      },
      object: {
        expand: 'Avaa',
        collapse: 'Sulje'
      }
    }
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: 'Luonnos',
      copy: 'Kopioi',
      copyUrl: 'Kopioi osoite',
      copyPath: 'Kopioi polku',
      copyName: 'Kopioi nimi',
      copied: 'Kopioitu'
    },
    mediaLibrary: {
      onDelete: 'Poistetaanko valitut tiedostot?',
      fileTooLarge: 'Tiedosto on liian suuri.\nSuurin sallittu koko on %{size} kt.'
    },
    mediaLibraryModal: {
      loading: 'Ladataan…',
      close: 'Sulje',
      noResults: 'Ei tuloksia.',
      noAssetsFound: 'Tiedostoja ei löytynyt.',
      noImagesFound: 'Kuvia ei löytynyt.',
      private: 'Yksityinen ',
      images: 'Kuvat',
      mediaAssets: 'Tiedostot',
      search: 'Hae…',
      uploading: 'Ladataan palvelimelle…',
      upload: 'Lataa palvelimelle',
      download: 'Lataa omalle koneelle',
      deleting: 'Poistetaan…',
      deleteSelected: 'Poista valitut',
      chooseSelected: 'Valitse'
    }
  },
  ui: {
    default: {
      goBackToSite: 'Takaisin sivustolle'
    },
    errorBoundary: {
      title: 'Virhe',
      details: 'Tapahtui virhe. ',
      reportIt: 'Ilmoita siitä GitHubissa.',
      detailsHeading: 'Tiedot',
      recoveredEntry: {
        heading: 'Palautettu sisältö',
        warning: 'Kopioi tämä talteen ennen kuin poistut sivulta!',
        copyButtonLabel: 'Kopioi leikepöydälle'
      }
    },
    settingsDropdown: {
      logOut: 'Kirjaudu ulos',
      account: 'Käyttäjän valikko'
    },
    toast: {
      onFailToLoadEntries: 'Lataus epäonnistui: %{details}',
      onFailToLoadDeployPreview: 'Esikatselun lataus epäonnistui: %{details}',
      onFailToPersist: 'Tallennus epäonnistui: %{details}',
      onFailToDelete: 'Poisto epäonnistui: %{details}',
      onFailToUpdateStatus: 'Tilan vaihto epäonnistui: %{details}',
      missingRequiredField: 'Pakollinen kenttä on tyhjä. Täytä se ennen tallennusta.',
      entrySaved: 'Tallennettu',
      entryPublished: 'Julkaistu',
      entryUnpublished: 'Poistettu julkaisusta',
      onFailToPublishEntry: 'Julkaisu epäonnistui: %{details}',
      onFailToUnpublishEntry: 'Julkaisusta poisto epäonnistui: %{details}',
      entryUpdated: 'Tila vaihdettu',
      onDeleteUnpublishedChanges: 'Julkaisemattomat muutokset poistettu',
      onFailToAuth: '%{details}',
      onLoggedOut: 'Sinut on kirjattu ulos. Ota tekstisi talteen ja kirjaudu uudelleen.',
      onBackendDown: 'Palvelussa on katko. Lisätietoja: %{details}'
    }
  },
  workflow: {
    workflow: {
      loading: 'Ladataan työnkulkua',
      workflowHeading: 'Työnkulku',
      newPost: 'Uusi',
      description: '%{smart_count} tarkistettavana, %{readyCount} valmiina julkaistavaksi. |||| %{smart_count} tarkistettavana, %{readyCount} valmiina julkaistavaksi. ',
      dateFormat: 'D.M.'
    },
    workflowCard: {
      lastChange: '%{date}, %{author}',
      lastChangeNoAuthor: '%{date}',
      lastChangeNoDate: '%{author}',
      deleteChanges: 'Poista muutokset',
      deleteNewEntry: 'Poista uusi',
      publishChanges: 'Julkaise muutokset',
      publishNewEntry: 'Julkaise uusi'
    },
    workflowList: {
      onDeleteEntry: 'Poistetaanko tämä?',
      onPublishingNotReadyEntry: 'Vain valmiit voi julkaista. Vedä kortti sarakkeeseen ”Valmis”.',
      onPublishEntry: 'Julkaistaanko tämä?',
      draftHeader: 'Luonnokset',
      inReviewHeader: 'Tarkistettavana',
      readyHeader: 'Valmiit',
      currentEntries: '%{smart_count} kpl |||| %{smart_count} kpl'
    }
  }
});
